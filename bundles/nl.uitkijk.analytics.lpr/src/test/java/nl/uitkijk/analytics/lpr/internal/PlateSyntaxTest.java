package nl.uitkijk.analytics.lpr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlateSyntaxTest {

    /** One plate per RDW sidecode, read as OCR gives it (dashes, spaces, lower case). */
    @ParameterizedTest
    @CsvSource({ "XB1234,XB-12-34,1", "1234XB,12-34-XB,2", "12XB34,12-XB-34,3", "XB12XB,XB-12-XB,4",
        "XBXB12,XB-XB-12,5", "12XBXB,12-XB-XB,6", "12-XBX-3,12-XBX-3,7", "1-XBX-23,1-XBX-23,8", "gz-123-x,GZ-123-X,9",
        "X-123-BB,X-123-BB,10", "XBX 12 B,XBX-12-B,11", "X 12 XBX,X-12-XBX,12", "1-XB-234,1-XB-234,13",
        "123-XB-1,123-XB-1,14" })
    void everySidecodeIsRecognisedAndFormatted(String reading, String formatted, String sidecode) {
        PlateSyntax.Fit fit = PlateSyntax.fit(reading).orElseThrow();
        assertEquals(formatted, fit.formatted());
        assertEquals(sidecode, fit.sidecode());
        assertEquals("NL", fit.country());
        assertEquals(0, fit.cost());
    }

    /** Dutch plates carry no vowels: an O where a Dutch layout wants a letter is no Dutch plate, a 0 is read so. */
    @ParameterizedTest
    @CsvSource({ "GZ-I23-X,GZ-123-X,9", "6Z-123-X,GZ-123-X,9", "G2-123-X,GZ-123-X,9" })
    void lookAlikesAreTurnedIntoWhatTheLayoutWants(String reading, String formatted, String sidecode) {
        PlateSyntax.Fit fit = PlateSyntax.fit(reading).orElseThrow();
        assertEquals(formatted, fit.formatted());
        assertEquals(sidecode, fit.sidecode());
        assertEquals(1, fit.cost());
    }

    @ParameterizedTest
    @CsvSource({ "1-ABC-123,BE,1-ABC-123", "OY09FEU,GB,OY09 FEU", "BA-302OZ,FR,BA-302-OZ", "1234 BCD,ES,1234 BCD",
        "AC AB 123,DE,ACAB123" })
    void otherCountriesAreGuessedByLayout(String reading, String country, String formatted) {
        PlateSyntax.Fit fit = PlateSyntax.fit(reading).orElseThrow();
        assertEquals(country, fit.country());
        assertEquals(formatted, fit.formatted());
    }

    /** The country band's letter in front of a plate is dropped (cheaply); a vanity plate stays unfitted. */
    @ParameterizedTest
    @CsvSource({ "NGZ123X,GZ123X", "HBY649AG,BY649AG" })
    void aBandLetterIsDropped(String reading, String text) {
        assertEquals(text, PlateSyntax.fit(reading).orElseThrow().text());
    }

    @ParameterizedTest
    @CsvSource({ "KMBORAK", "VW4X4WP", "GWAGEN", "HELLO" })
    void whatFitsNoLayoutIsNotForcedIntoOne(String reading) {
        assertTrue(PlateSyntax.fit(reading).isEmpty(), () -> reading + " → " + PlateSyntax.fit(reading));
    }
}
