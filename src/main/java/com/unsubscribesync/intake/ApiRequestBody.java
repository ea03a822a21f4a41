package com.unsubscribesync.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.FreeText;
import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.usecase.ApiUnsubscribe;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The body of {@code POST /api/unsubscribes}: one {@code {"email", "reason"}} object, or {@code {"unsubscribes":
 * [...]}} of them. Every entry is checked before anything is written; the first bad one refuses the whole request.
 */
final class ApiRequestBody {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("email", "reason");

    private ApiRequestBody() {}

    /**
     * Why a body is refused, as the caller is told it.
     *
     * @param index the entry at fault, when one is
     */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final transient Optional<Integer> index;

        Refused(int status, String message, Optional<Integer> index) {
            super(message);
            this.status = status;
            this.index = index;
        }
    }

    static List<ApiUnsubscribe> read(byte[] body, int most) throws Refused {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new Refused(400, "the body is not JSON", Optional.empty());
        } catch (IOException e) {
            throw new Refused(400, "the body could not be read", Optional.empty());
        }
        if (root == null || !root.isObject()) {
            throw new Refused(400, "the body is not a JSON object", Optional.empty());
        }
        if (!root.has("unsubscribes")) {
            return List.of(entry(root, 0));
        }
        JsonNode list = root.get("unsubscribes");
        if (!list.isArray() || list.isEmpty() || root.size() != 1) {
            throw new Refused(
                    400,
                    "\"unsubscribes\" must be the only field, a list of one or more {\"email\", \"reason\"} objects",
                    Optional.empty());
        }
        if (list.size() > most) {
            throw new Refused(
                    413,
                    "the request has " + list.size() + " unsubscribes; send at most " + most + " a request",
                    Optional.empty());
        }
        List<ApiUnsubscribe> entries = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            entries.add(entry(list.get(i), i));
        }
        return entries;
    }

    private static ApiUnsubscribe entry(JsonNode node, int index) throws Refused {
        if (!node.isObject()) {
            throw bad(index, "is not an object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw bad(index, "has a field other than email and reason");
            }
        }
        JsonNode email = node.get("email");
        JsonNode reason = node.get("reason");
        if (email == null || !email.isTextual()) {
            throw bad(index, "has no \"email\" text");
        }
        if (reason != null && !reason.isNull() && !reason.isTextual()) {
            throw bad(index, "has a \"reason\" that is not text");
        }
        try {
            return new ApiUnsubscribe(
                    Email.parse(email.textValue()),
                    FreeText.reason("reason", reason == null || reason.isNull() ? null : reason.textValue()));
        } catch (InvalidInputException e) {
            throw bad(index, e.getMessage());
        }
    }

    private static Refused bad(int index, String why) {
        return new Refused(400, "unsubscribe " + index + ": " + why, Optional.of(index));
    }
}
