package nl.uitkijk.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nl.uitkijk.rest.internal.TransportSecurity.Decision;
import org.junit.jupiter.api.Test;

class TransportSecurityTest {

    @Test
    void plainHttpIsForLoopbackOnlyWhileHttpsIsOn() {
        assertEquals(Decision.LOOPBACK, TransportSecurity.decide(false, "127.0.0.1", 8443));
        assertEquals(Decision.LOOPBACK, TransportSecurity.decide(false, "0:0:0:0:0:0:0:1", 8443));
        assertEquals(Decision.REDIRECT, TransportSecurity.decide(false, "192.0.2.10", 8443));
        assertEquals(Decision.REDIRECT, TransportSecurity.decide(false, "2001:db8::1", 8443));
        assertEquals(Decision.SECURE, TransportSecurity.decide(true, "192.0.2.10", 8443));
        assertEquals(Decision.LOOPBACK, TransportSecurity.decide(false, "192.0.2.10", 0), "HTTPS is off");
    }

    @Test
    void onlyLiteralLoopbackAddressesCount() {
        assertTrue(TransportSecurity.loopback("127.0.0.5"));
        assertTrue(TransportSecurity.loopback("[::1]"));
        assertFalse(TransportSecurity.loopback("localhost"), "never a name to resolve");
        assertFalse(TransportSecurity.loopback(""));
        assertFalse(TransportSecurity.loopback(null));
        assertFalse(TransportSecurity.loopback("10.0.0.1"));
    }
}
