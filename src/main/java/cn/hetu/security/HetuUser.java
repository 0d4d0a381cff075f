package cn.hetu.security;

import java.io.Serializable;
import java.util.Collection;
import java.util.Set;

import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The signed-in user as the rest of the application sees it; kept in the HTTP session, without secrets. */
public record HetuUser(long id, String username, String displayName, Set<Role> roles, String department)
        implements Serializable, AuthenticatedPrincipal {

    /** The user name: what the session store indexes sessions by, whatever the length of the display name. */
    @Override
    public String getName() {
        return username;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    Collection<GrantedAuthority> authorities() {
        return roles.stream().<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }

}
