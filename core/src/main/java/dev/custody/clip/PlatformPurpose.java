package dev.custody.clip;

import dev.custody.access.Role;
import java.util.Set;

/**
 * The platform's own reasons to open a clip, each used by the workflow of a few roles only:
 *
 * <ul>
 *   <li>{@code review}: a reviewer assigned to the clip's project listens before a verdict;
 *   <li>{@code quality-check}: the same reviewer checks a clip's audio without judging it;
 *   <li>{@code portability}: a contributor exports their own recordings;
 *   <li>{@code incident-forensics}: a security officer examines a clip during an incident.
 * </ul>
 *
 * The bootstrap administrator, who stands in for the platform roles until accounts exist, may open
 * for every platform purpose but portability (which is the contributor's alone). No platform purpose
 * lets a client organization's role open audio: they receive it only under a grant.
 */
public enum PlatformPurpose {
    REVIEW("review", Set.of(Role.REVIEWER, Role.BOOTSTRAP_ADMIN)),
    QUALITY_CHECK("quality-check", Set.of(Role.REVIEWER, Role.BOOTSTRAP_ADMIN)),
    PORTABILITY("portability", Set.of(Role.CONTRIBUTOR)),
    INCIDENT_FORENSICS("incident-forensics", Set.of(Role.SECURITY_OFFICER, Role.BOOTSTRAP_ADMIN));

    private final String code;
    private final Set<Role> roles;

    PlatformPurpose(String code, Set<Role> roles) {
        this.code = code;
        this.roles = roles;
    }

    public String code() {
        return code;
    }

    /** The roles whose workflow opens clips for this purpose. */
    public Set<Role> roles() {
        return roles;
    }
}
