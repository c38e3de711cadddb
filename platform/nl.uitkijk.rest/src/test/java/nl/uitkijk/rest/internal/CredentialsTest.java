package nl.uitkijk.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import nl.uitkijk.rest.internal.BasicAuthenticationFilter.Credentials;
import org.junit.jupiter.api.Test;

class CredentialsTest {

    private static String basic(String text) {
        return "Basic " + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void parsesBasicCredentialsWithAColonInThePassword() {
        assertEquals(new Credentials("admin", "a:b:ç"), Credentials.parse(basic("admin:a:b:ç")));
        assertEquals(new Credentials("admin", "x"), Credentials.parse("basic " + basic("admin:x").substring(6)));
    }

    @Test
    void refusesWhatIsNotBasicCredentials() {
        assertNull(Credentials.parse(null));
        assertNull(Credentials.parse("Bearer abc"));
        assertNull(Credentials.parse("Basic !!!notbase64"));
        assertNull(Credentials.parse(basic("no-colon")));
        assertNull(Credentials.parse(basic(":password-without-user")));
    }
}
