package nl.uitkijk.driver.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DigestChallengeTest {

    // The worked example of RFC 7616, section 3.9.1.
    private static final String NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private static final String OPAQUE = "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS";
    private static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    @Test
    void answersTheRfcExampleWithSha256AndMd5() {
        List<String> offered = List.of(
                "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=MD5, nonce=\"" + NONCE
                        + "\", opaque=\"" + OPAQUE + "\"",
                "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=SHA-256, nonce=\""
                        + NONCE + "\", opaque=\"" + OPAQUE + "\"");
        DigestChallenge strongest = DigestChallenge.strongest(offered).orElseThrow();
        assertEquals("SHA-256", strongest.algorithm());
        assertTrue(strongest.authorization("GET", "/dir/index.html", "Mufasa", "Circle of Life", 1, CNONCE)
                .contains("response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\""));

        DigestChallenge md5 = DigestChallenge.parse(offered.get(0)).orElseThrow();
        String header = md5.authorization("GET", "/dir/index.html", "Mufasa", "Circle of Life", 1, CNONCE);
        assertTrue(header.contains("response=\"8ca523f5e9506fed4657c9700eebdbec\""), header);
        assertTrue(header.contains("nc=00000001") && header.contains("opaque=\"" + OPAQUE + "\""), header);
    }

    @Test
    void refusesWhatItCannotAnswer() {
        assertTrue(DigestChallenge.parse("Basic realm=\"cam\"").isEmpty());
        assertTrue(DigestChallenge.parse("Digest realm=\"cam\", qop=\"auth-int\", nonce=\"x\"").isEmpty());
        assertTrue(DigestChallenge.parse("Digest realm=\"cam\", algorithm=SHA-512-256, nonce=\"x\"").isEmpty());
        assertTrue(DigestChallenge.parse("Digest realm=\"cam\"").isEmpty(), "no nonce");
        assertTrue(DigestChallenge.parse("Digest realm=\"c\\\"am\", nonce=\"n\", stale=TRUE").orElseThrow().stale());
    }
}
