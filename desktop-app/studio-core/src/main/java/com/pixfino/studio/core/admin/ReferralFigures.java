package com.pixfino.studio.core.admin;

/** The {@code referrals} block of {@code /admin/stats}: accounts that joined with a code, those rewarded, and the credits given. */
public record ReferralFigures(long joined, long rewarded, long creditsGranted) {}
