package nl.uitkijk.api.plugin;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.annotation.bundle.Attribute;
import org.osgi.annotation.bundle.Capability;

/**
 * A plugin bundle's metadata, put on its main component class (or a package): bnd writes it into the manifest as a
 * capability in the namespace {@value #NAMESPACE}, e.g.
 * {@code uitkijk.plugin;uitkijk.plugin=driver;kind=driver;vendor=Acme;licence=Apache-2.0;
 * personalData:List<String>="IMAGES"}. The platform's build fails a plugin bundle without it, and the archetypes
 * fill it in.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Capability(namespace = Plugin.NAMESPACE, name = "${#kind}")
public @interface Plugin {

    /** The capability namespace of the metadata. */
    String NAMESPACE = "uitkijk.plugin";

    /** {@code driver}, {@code recorder}, {@code analytics} or {@code connector}. */
    @Attribute("kind")
    String kind();

    /** Who makes and supports it. */
    @Attribute("vendor")
    String vendor();

    /** Its licence as an SPDX identifier ({@code Apache-2.0}, {@code EPL-2.0}, {@code LicenseRef-…}). */
    @Attribute("licence")
    String licence();

    /**
     * The personal data it processes, as the designations name it: {@code IMAGES} (camera pictures), {@code PERSONS}
     * (people detected), {@code TRACKS} (people followed over time), {@code LICENCE_PLATES}; empty for none.
     */
    @Attribute("personalData")
    String[] personalData() default {};

    /** The protocols it speaks ({@code RTSP}, {@code ONVIF}, {@code HTTPS}, {@code MQTT}, …). */
    @Attribute("protocols")
    String[] protocols() default {};

    /** The camera models or product lines it is made for (drivers); empty for any. */
    @Attribute("models")
    String[] models() default {};

    /** Where to report a vulnerability (an e-mail address or a URL). */
    @Attribute("securityContact")
    String securityContact();

    /** One line for a tender team: what it does. */
    @Attribute("summary")
    String summary();
}
