package nl.uitkijk.certification.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The installation's signing key: ECDSA on P-256, made once and kept in the installation's data directory (the
 * private key readable by its owner only, PKCS#8; the public key beside it as PEM, so anyone can check a report with
 * {@code base64 -d report.json.sig > report.sig; openssl dgst -sha256 -verify installation-key.pem -signature
 * report.sig report.json}). The JDK's own providers; no library needed for one key pair and one signature scheme.
 */
final class InstallationKey {

    static final String ALGORITHM = "SHA256withECDSA";
    private static final String PRIVATE = "installation-key.pk8";
    private static final String PUBLIC = "installation-key.pem";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private InstallationKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** The key in the directory, made there first if there is none. */
    static InstallationKey in(Path directory) throws IOException, GeneralSecurityException {
        Files.createDirectories(directory);
        Path privateFile = directory.resolve(PRIVATE);
        Path publicFile = directory.resolve(PUBLIC);
        if (!Files.exists(privateFile)) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            Path made = Files.createTempFile(directory, "key", ".tmp");
            try {
                Files.setPosixFilePermissions(made, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a file system without POSIX permissions: the data directory's own protection applies
            }
            Files.write(made, pair.getPrivate().getEncoded());
            Files.writeString(publicFile, pem(pair.getPublic()), StandardCharsets.US_ASCII);
            try {
                Files.move(made, privateFile, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException madeMeanwhile) {
                Files.delete(made);
            }
        }
        KeyFactory factory = KeyFactory.getInstance("EC");
        PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(privateFile)));
        PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(der(Files.readString(publicFile,
                StandardCharsets.US_ASCII))));
        return new InstallationKey(privateKey, publicKey);
    }

    /** The signature of the text's UTF-8 bytes, DER, in base64. */
    String sign(String text) throws GeneralSecurityException {
        Signature signature = Signature.getInstance(ALGORITHM);
        signature.initSign(privateKey);
        signature.update(text.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(signature.sign());
    }

    /** Whether the signature holds for the text with this key; a malformed signature does not. */
    boolean verifies(String text, String base64Signature) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(publicKey);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(base64Signature.strip()));
        } catch (GeneralSecurityException | IllegalArgumentException malformed) {
            return false;
        }
    }

    String publicKeyPem() {
        return pem(publicKey);
    }

    /** The SHA-256 of the public key's encoding (SubjectPublicKeyInfo), hex. */
    String fingerprint() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded()));
        } catch (GeneralSecurityException noSha256) {
            throw new IllegalStateException(noSha256);
        }
    }

    private static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replace("-----BEGIN PUBLIC KEY-----", "")
                .replace("-----END PUBLIC KEY-----", "").strip());
    }
}
