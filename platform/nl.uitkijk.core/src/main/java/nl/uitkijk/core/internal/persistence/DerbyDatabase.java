package nl.uitkijk.core.internal.persistence;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: one Derby database under Karaf's data folder, migrated at activation. Derby's
 * transaction log makes it survive a kill; a clean stop shuts it down so the next start needs no recovery.
 */
@Component(service = Database.class, configurationPid = "nl.uitkijk.database")
@Designate(ocd = DerbyDatabase.Configuration.class)
public class DerbyDatabase implements Database {

    @ObjectClassDefinition(name = "Uitkijk database", description = "Embedded Derby database of the platform.")
    public @interface Configuration {
        @AttributeDefinition(name = "Path", description = "Folder of the database; empty means ${karaf.data}/uitkijk/derby.")
        String path() default "";
    }

    private static final Logger LOG = LoggerFactory.getLogger(DerbyDatabase.class);

    private final EmbeddedDataSource dataSource;
    private final boolean createdNow;

    @Activate
    public DerbyDatabase(Configuration configuration) {
        this(resolvePath(configuration.path()));
    }

    public DerbyDatabase(Path folder) {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(folder.toAbsolutePath().toString());
        dataSource.setCreateDatabase("create");
        createdNow = SchemaMigrator.migrate(dataSource, DerbyDatabase.class.getClassLoader());
        LOG.info("Database ready at {}{}", folder, createdNow ? " (created)" : "");
    }

    static Path resolvePath(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String data = System.getProperty("karaf.data", "data");
        return Path.of(data, "uitkijk", "derby");
    }

    @Override
    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public boolean createdNow() {
        return createdNow;
    }

    @Deactivate
    public void close() {
        EmbeddedDataSource shutdown = new EmbeddedDataSource();
        shutdown.setDatabaseName(dataSource.getDatabaseName());
        shutdown.setShutdownDatabase("shutdown");
        try (Connection ignored = shutdown.getConnection()) {
            // Derby always answers a shutdown with an exception; reaching here would be unusual.
        } catch (SQLException expected) {
            if (!"08006".equals(expected.getSQLState())) {
                LOG.warn("Database shutdown: {}", expected.getMessage());
            }
        }
    }
}
