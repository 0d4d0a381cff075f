package cn.hetu.security;

import java.time.Instant;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A person who signs in to Hetu. */
@Entity
@Table(name = "account")
class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    private String displayName;

    private String passwordHash;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    private String[] roles;

    private String department;

    private boolean enabled = true;

    @Column(insertable = false, updatable = false)
    private Instant createdAt;

    private Instant updatedAt = Instant.now();

    @Version
    private int version;

    protected Account() {
    }

    Account(String username, String displayName, String passwordHash, Set<Role> roles, String department) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.department = department;
        setRoles(roles);
    }

    @PreUpdate
    void touch() {
        updatedAt = Instant.now();
    }

    HetuUser toUser() {
        return new HetuUser(id, username, displayName, getRoles(), department);
    }

    Long getId() {
        return id;
    }

    String getUsername() {
        return username;
    }

    String getDisplayName() {
        return displayName;
    }

    void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    Set<Role> getRoles() {
        return Role.setOf(roles);
    }

    void setRoles(Set<Role> roles) {
        this.roles = roles.stream().map(Role::code).toArray(String[]::new);
    }

    String getDepartment() {
        return department;
    }

    void setDepartment(String department) {
        this.department = department;
    }

    boolean isEnabled() {
        return enabled;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    int getVersion() {
        return version;
    }

}
