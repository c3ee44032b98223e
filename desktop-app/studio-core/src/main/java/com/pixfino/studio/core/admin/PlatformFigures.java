package com.pixfino.studio.core.admin;

import com.pixfino.model.api.admin.AdminStats;
import java.util.Optional;

/** One reading of {@code /admin/stats}: the figures, and the referral program's when the server has them. */
public record PlatformFigures(AdminStats stats, Optional<ReferralFigures> referrals) {}
