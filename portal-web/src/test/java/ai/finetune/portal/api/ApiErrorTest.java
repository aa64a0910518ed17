package ai.finetune.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ApiErrorTest {

    @Test
    void errorJsonIsEscaped() {
        assertEquals("{\"status\":400,\"error\":\"Bad Request\",\"message\":\"a \\\"quoted\\\" \\\\ \\u003cb\\u003e\\nline\"}",
                ApiError.json(400, "a \"quoted\" \\ <b>\nline"));
        assertEquals("{\"status\":403,\"error\":\"Forbidden\",\"message\":null}", ApiError.json(403, null));
    }
}
