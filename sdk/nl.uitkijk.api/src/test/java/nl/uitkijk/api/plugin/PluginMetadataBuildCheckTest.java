package nl.uitkijk.api.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Jar;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The build's check, with bnd itself and the instructions as the reactor's pom gives them to every bundle: a plugin
 * bundle (uitkijk.plugin=true) with {@link Plugin} gets its capability; one without fails; a platform bundle
 * (uitkijk.plugin=false) needs none.
 */
class PluginMetadataBuildCheckTest {

    private static final Path REACTOR = Path.of("../..").toAbsolutePath().normalize();

    /** The bnd instructions of the reactor pom, as Maven hands them to a module. */
    private static String instructions(String artifactId, boolean plugin) throws Exception {
        String pom = Files.readString(REACTOR.resolve("pom.xml"));
        Matcher cdata = Pattern.compile("<bnd><!\\[CDATA\\[(.*?)]]></bnd>", Pattern.DOTALL).matcher(pom);
        assertTrue(cdata.find(), "the reactor pom configures bnd");
        return cdata.group(1).replace("${project.artifactId}", artifactId).replace("${project.name}", artifactId)
                .replace("${uitkijk.plugin}", String.valueOf(plugin));
    }

    private static Builder build(String pkg, boolean plugin) throws Exception {
        Builder builder = new Builder();
        java.util.Properties properties = new java.util.Properties();
        properties.load(new java.io.StringReader(instructions("acme-" + pkg, plugin)));
        builder.setProperties(properties);
        builder.setProperty("-exportcontents", "");
        builder.setProperty("Private-Package", "nl.uitkijk.api.plugin." + pkg);
        builder.setProperty("Bundle-Version", "1.0.0");
        builder.addClasspath(new File("target/test-classes"));
        builder.addClasspath(new File("target/classes"));
        builder.addClasspath(new File(org.osgi.annotation.bundle.Capability.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI()));
        builder.build();
        return builder;
    }

    @Test
    void aPluginWithItsMetadataCarriesItAsACapability() throws Exception {
        try (Builder builder = build("declared", true)) {
            assertEquals(List.of(), builder.getErrors());
            Jar jar = builder.getJar();
            String provided = jar.getManifest().getMainAttributes().getValue("Provide-Capability");
            assertTrue(provided.contains("uitkijk.plugin;uitkijk.plugin=driver;kind=driver;vendor=Acme;"
                    + "licence=\"Apache-2.0\";personalData:List<String>=IMAGES"), provided);
            assertTrue(provided.contains("protocols:List<String>=\"RTSP,HTTP\""), provided);
            assertEquals(null, jar.getManifest().getMainAttributes().getValue("Uitkijk-Plugin-Check"),
                    "the check leaves no trace in the manifest");
        }
    }

    @Test
    void aPluginWithoutMetadataFailsTheBuildAndAPlatformBundleNeedsNone() throws Exception {
        try (Builder builder = build("undeclared", true)) {
            assertEquals(1, builder.getErrors().size(), builder.getErrors().toString());
            assertTrue(builder.getErrors().get(0).contains("acme-undeclared is a plugin bundle without metadata"),
                    builder.getErrors().get(0));
        }
        try (Builder builder = build("undeclared", false)) {
            assertEquals(List.of(), builder.getErrors());
        }
    }
}
