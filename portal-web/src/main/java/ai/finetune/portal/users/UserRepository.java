package ai.finetune.portal.users;

import ai.finetune.portal.db.PortalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Plain JDBC access to the portal_user table (schema in sql/V1__portal_users.sql). */
@ApplicationScoped
public class UserRepository {

    private static final String COLUMNS = "id, username, role, enabled, created_at, created_by, last_login_at";

    @Inject
    @PortalDataSource
    DataSource dataSource;

    /** Stored hash and account state, for the identity store only. */
    public record Credentials(UserAccount account, String passwordHash) {
    }

    public long count() {
        return queryLong("SELECT COUNT(*) FROM portal_user");
    }

    public long countEnabledAdmins() {
        return queryLong("SELECT COUNT(*) FROM portal_user WHERE role = 'ADMIN' AND enabled = TRUE");
    }

    public List<UserAccount> findAll() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM portal_user ORDER BY username");
             ResultSet rs = ps.executeQuery()) {
            List<UserAccount> all = new ArrayList<>();
            while (rs.next()) {
                all.add(map(rs));
            }
            return all;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list users: " + e.getMessage(), e);
        }
    }

    public Optional<UserAccount> findByUsername(String username) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM portal_user WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read user: " + e.getMessage(), e);
        }
    }

    public Optional<Credentials> findCredentials(String username) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", password_hash FROM portal_user WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Credentials(map(rs), rs.getString("password_hash"))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read user: " + e.getMessage(), e);
        }
    }

    /** @return false when the name is taken. */
    public boolean insert(String username, String passwordHash, Role role, String createdBy) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO portal_user (username, password_hash, role, enabled, created_by) VALUES (?, ?, ?, TRUE, ?)")) {
            ps.setString(1, username);
            ps.setString(2, passwordHash);
            ps.setString(3, role.name());
            ps.setString(4, createdBy);
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                return false;
            }
            throw new IllegalStateException("Cannot create user: " + e.getMessage(), e);
        }
    }

    public boolean updatePassword(String username, String passwordHash) {
        return update("UPDATE portal_user SET password_hash = ?, updated_at = CURRENT_TIMESTAMP WHERE username = ?",
                passwordHash, username);
    }

    public boolean updateEnabled(String username, boolean enabled) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE portal_user SET enabled = ?, updated_at = CURRENT_TIMESTAMP WHERE username = ?")) {
            ps.setBoolean(1, enabled);
            ps.setString(2, username);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot update user: " + e.getMessage(), e);
        }
    }

    public void recordLogin(String username) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE portal_user SET last_login_at = ? WHERE username = ?")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            ps.setString(2, username);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record login: " + e.getMessage(), e);
        }
    }

    private boolean update(String sql, String first, String username) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, first);
            ps.setString(2, username);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot update user: " + e.getMessage(), e);
        }
    }

    private long queryLong(String sql) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Database query failed: " + e.getMessage(), e);
        }
    }

    static boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static UserAccount map(ResultSet rs) throws SQLException {
        return new UserAccount(
                rs.getLong("id"),
                rs.getString("username"),
                Role.valueOf(rs.getString("role")),
                rs.getBoolean("enabled"),
                toInstant(rs.getTimestamp("created_at")),
                rs.getString("created_by"),
                toInstant(rs.getTimestamp("last_login_at")));
    }

    private static Instant toInstant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
