package dev.gatehouse.identity.user;

/**
 * Fired (synchronously, on the deleting thread) after a user's records are gone, so features that
 * keep data of their own about a user (group memberships) remove it too.
 */
public record UserDeleted(User user) {}
