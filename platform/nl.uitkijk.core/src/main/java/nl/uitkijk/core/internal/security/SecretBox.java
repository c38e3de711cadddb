package nl.uitkijk.core.internal.security;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets at rest (camera passwords in the database) with AES-256-GCM under a key kept outside the
 * database, in a file readable by the owner only ({@code etc/uitkijk-secrets.key}, made on the first start). A copy
 * of the database alone reveals no camera password. A sealed value reads {@value #PREFIX} followed by base64 of a
 * random 12-byte nonce and the ciphertext with its tag; anything without the prefix is taken as plain (rows from
 * before encryption, which the registry seals again at start-up).
 */
public final class SecretBox {

    public static final String PREFIX = "{AES-GCM}";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private SecretBox(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The key in the file, made (32 random bytes, owner-only) when the file does not exist yet. */
    public static SecretBox atPath(Path keyFile) throws IOException {
        if (!Files.exists(keyFile)) {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            try {
                Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                        "rw-------")));
                Files.writeString(keyFile, Base64.getEncoder().encodeToString(fresh) + "\n", StandardCharsets.UTF_8);
            } catch (FileAlreadyExistsException raced) {
                // made meanwhile: read it below
            }
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(Files.readString(keyFile, StandardCharsets.UTF_8).strip());
        } catch (IllegalArgumentException e) {
            throw new IOException("the secrets key " + keyFile + " is not base64", e);
        }
        if (key.length != 32) {
            throw new IOException("the secrets key " + keyFile + " must hold 32 bytes, not " + key.length);
        }
        return new SecretBox(key);
    }

    public static boolean sealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    public String seal(String plain) {
        if (sealed(plain)) {
            return plain;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /**
     * @return the plain value; a value without the prefix as it is
     * @throws IllegalStateException when a sealed value was not sealed with this key (another installation's
     *             database, or a changed key file) or was altered
     */
    public String open(String value) {
        if (!sealed(value)) {
            return value;
        }
        try {
            byte[] all = Base64.getDecoder().decode(value.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored secret cannot be decrypted with this installation's key "
                    + "(etc/uitkijk-secrets.key): " + e.getClass().getSimpleName());
        }
    }
}
