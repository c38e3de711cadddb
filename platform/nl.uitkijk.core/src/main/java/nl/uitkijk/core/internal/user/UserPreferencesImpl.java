package nl.uitkijk.core.internal.user;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.uitkijk.api.user.UserPreferences;
import nl.uitkijk.core.internal.persistence.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Users' preferences on Derby, one row per user and name. */
@Component(service = UserPreferences.class)
public class UserPreferencesImpl implements UserPreferences {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9.-]{1,64}");
    private static final int MAX_USER_LENGTH = 100;

    private final Database database;

    @Activate
    public UserPreferencesImpl(@Reference Database database) {
        this.database = database;
    }

    @Override
    public Optional<String> get(String user, String name) {
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT value FROM user_preference WHERE user_name = ? AND name = ?")) {
            select.setString(1, user);
            select.setString(2, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the preference: " + e.getMessage(), e);
        }
    }

    @Override
    public void put(String user, String name, String value) {
        if (user == null || user.isEmpty() || user.length() > MAX_USER_LENGTH) {
            throw new IllegalArgumentException("user must be 1 to " + MAX_USER_LENGTH + " characters");
        }
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must be 1 to 64 letters, digits, dots or dashes");
        }
        if (value == null || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("value must be at most " + MAX_LENGTH + " characters");
        }
        try (Connection connection = database.connection()) {
            // Derby has MERGE, but an update-then-insert reads plainer and this is one row per user.
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE user_preference SET value = ? WHERE user_name = ? AND name = ?")) {
                update.setString(1, value);
                update.setString(2, user);
                update.setString(3, name);
                if (update.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO user_preference (user_name, name, value) VALUES (?, ?, ?)")) {
                insert.setString(1, user);
                insert.setString(2, name);
                insert.setString(3, value);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the preference: " + e.getMessage(), e);
        }
    }
}
