package dev.gatehouse.identity.user;

/** {@code UserStatusType} values this pool uses. */
public enum UserStatus {
    UNCONFIRMED,
    CONFIRMED,
    FORCE_CHANGE_PASSWORD,
    RESET_REQUIRED
}
