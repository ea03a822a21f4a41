package com.unsubscribesync.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SqlScriptTest {
    @Test
    void statementsEndAtASemicolonOutsideQuotesAndComments() {
        String script = """
                -- a comment; with a semicolon
                CREATE TABLE a (note VARCHAR(20) DEFAULT 'x;y -- not a comment');
                /* a block; comment /* nested; */ still comment; */
                INSERT INTO "odd;name" VALUES ('it''s; fine');   -- trailing comment
                SELECT 1""";

        assertThat(SqlScript.statements(script))
                .containsExactly(
                        "CREATE TABLE a (note VARCHAR(20) DEFAULT 'x;y -- not a comment')",
                        "INSERT INTO \"odd;name\" VALUES ('it''s; fine')",
                        "SELECT 1");
    }

    @Test
    void aDollarQuotedBodyIsOneStatementWhateverItHolds() {
        String script = """
                CREATE FUNCTION f() RETURNS trigger AS $body$
                BEGIN
                    RAISE NOTICE 'a; b -- c';  -- inside the body
                    RETURN $$nested;$$;
                END;
                $body$ LANGUAGE plpgsql;
                SELECT $1, a$b FROM t;""";

        assertThat(SqlScript.statements(script)).containsExactly("""
                CREATE FUNCTION f() RETURNS trigger AS $body$
                BEGIN
                    RAISE NOTICE 'a; b -- c';  -- inside the body
                    RETURN $$nested;$$;
                END;
                $body$ LANGUAGE plpgsql""", "SELECT $1, a$b FROM t");
    }

    @Test
    void blankStatementsAndCommentOnlyScriptsGiveNothing() {
        assertThat(SqlScript.statements(" ;\n-- nothing here\n;/* nor here */")).isEmpty();
    }

    @Test
    void anUnclosedQuoteIsRefusedWithItsLine() {
        assertThatThrownBy(() -> SqlScript.statements("SELECT 1;\nSELECT 'open;"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("' opened on line 2 is never closed");
    }
}
