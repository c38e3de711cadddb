package nl.uitkijk.core.internal.security;

import java.io.IOException;
import java.nio.file.Path;
import nl.uitkijk.api.security.Secrets;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** {@link Secrets} with the installation's key ({@code etc/uitkijk-secrets.key}); sealing is the platform's own. */
@Component(service = {Secrets.class, SecretsImpl.class})
public class SecretsImpl implements Secrets {

    private final SecretBox box;

    @Activate
    public SecretsImpl() throws IOException {
        this(SecretBox.atPath(Path.of(System.getProperty("karaf.etc", "etc"), "uitkijk-secrets.key")));
    }

    public SecretsImpl(SecretBox box) {
        this.box = box;
    }

    @Override
    public String open(String value) {
        return value == null ? null : box.open(value);
    }

    /** Seals a value once (a sealed one stays as it is). */
    public String seal(String value) {
        return value == null || SecretBox.sealed(value) ? value : box.seal(value);
    }
}
