package org.consultflow.consultation;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Who may change a round. A definition may name its coordinators ({@code coordinators: [user ids]}); then only they
 * and admins may close it, move its deadline, record responses, write commentary or approve its report. Every other
 * coordinator still sees the round, read-only. A round that names nobody is every coordinator's. Pages ask this to
 * grey out what the person may not do; {@link RoundChanges} enforces it on the API.
 */
@Component
public class RoundAccess {

    private final Rounds rounds;

    RoundAccess(Rounds rounds) {
        this.rounds = rounds;
    }

    public boolean mayManage(String roundKey, Authentication who) {
        if (who == null || !who.isAuthenticated()) {
            return false;
        }
        if (has(who, "ROLE_ADMIN")) {
            return true;
        }
        if (!has(who, "ROLE_COORDINATOR")) {
            return false;
        }
        // An unknown round is left to the action itself, which answers 404 for it.
        return rounds.find(roundKey).map(round -> round.definition().coordinators())
                .map(named -> named.isEmpty() || named.contains(who.getName()))
                .orElse(true);
    }

    private static boolean has(Authentication who, String authority) {
        return who.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(authority::equals);
    }
}
