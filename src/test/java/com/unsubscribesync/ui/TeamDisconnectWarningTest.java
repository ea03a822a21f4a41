package com.unsubscribesync.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.ui.connection.ConnectionViewModel;
import com.unsubscribesync.usecase.ConnectOrg;
import org.junit.jupiter.api.Test;

/** ADR 0065: a console on a shared store warns that its Disconnect is the whole team's. */
class TeamDisconnectWarningTest {

    @Test
    void disconnectingTheTeamsConnectionAsksWithTheWholeTeamNamedAndCancellingKeepsIt() {
        FixedConnection team =
                new FixedConnection(FixedConnection.realOrg("Acme", "sync@acme.example")).keptInTheTeamStore();
        ScriptedDialogs dialogs = new ScriptedDialogs().answer(false);

        modelOver(team.connectOrg(), dialogs).disconnect();

        assertThat(dialogs.shown)
                .singleElement()
                .asString()
                .contains("whole team")
                .contains("every node");
        assertThat(team.saved()).as("cancelled").isTrue();
    }

    @Test
    void disconnectingThisComputersConnectionSaysNothingOfATeam() {
        FixedConnection own = new FixedConnection(FixedConnection.realOrg("Acme", "sync@acme.example"));
        ScriptedDialogs dialogs = new ScriptedDialogs().answer(false);

        modelOver(own.connectOrg(), dialogs).disconnect();

        assertThat(dialogs.shown)
                .singleElement()
                .asString()
                .contains("The saved sign-in")
                .doesNotContain("team");
    }

    private static ConnectionViewModel modelOver(ConnectOrg connection, ScriptedDialogs dialogs) {
        return new ConnectionViewModel(connection, Background.immediate(), dialogs, () -> {});
    }
}
