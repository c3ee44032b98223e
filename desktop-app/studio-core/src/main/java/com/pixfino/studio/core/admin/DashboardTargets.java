package com.pixfino.studio.core.admin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The dashed target lines of the admin dashboard's KPI charts, as the settings file keeps them: new accounts per day,
 * generations per day and credits spent per day. Defaults follow the seed's launch plan (500 sign-ups in the first 90
 * days ≈ 6 a day); a missing or non-positive figure takes its default.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DashboardTargets(Integer newUsersPerDay, Integer generationsPerDay, Integer creditsSpentPerDay) {

    public static final DashboardTargets DEFAULTS = new DashboardTargets(6, 40, 160);

    public DashboardTargets {
        newUsersPerDay = positiveOr(newUsersPerDay, 6);
        generationsPerDay = positiveOr(generationsPerDay, 40);
        creditsSpentPerDay = positiveOr(creditsSpentPerDay, 160);
    }

    private static Integer positiveOr(Integer value, int fallback) {
        return value == null || value <= 0 ? fallback : value;
    }
}
