package nl.uitkijk.core.internal.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The platform database offered to plugins as a standard {@link DataSource} (property
 * {@value #PROPERTY}={@value #PLATFORM}): a recorder or audit plugin keeps its tables next to the core's, with
 * its own migrations and its own history table, and moves with the platform from Derby to PostgreSQL.
 */
@Component(service = DataSource.class, property = PlatformDataSource.PROPERTY + "=" + PlatformDataSource.PLATFORM)
public class PlatformDataSource implements DataSource {

    public static final String PROPERTY = "uitkijk.datasource";
    public static final String PLATFORM = "platform";

    private final Database database;

    @Activate
    public PlatformDataSource(@Reference Database database) {
        this.database = database;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return database.connection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the platform database has no per-user connections");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // Logging goes through slf4j.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // Embedded: there is no login to wait for.
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("java.util.logging is not used");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
