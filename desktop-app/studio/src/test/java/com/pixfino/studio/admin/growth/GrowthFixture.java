package com.pixfino.studio.admin.growth;

import com.pixfino.studio.testsupport.FakeGrowthApi;
import com.pixfino.studio.testsupport.SessionFixture;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** A signed-in admin's growth screen over the fake growth API, on a fixed clock in UTC. */
final class GrowthFixture {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T09:05:30Z"), ZoneOffset.UTC);

    final SessionFixture session;
    final FakeGrowthApi growth = new FakeGrowthApi(CLOCK);

    GrowthFixture(Path dir) {
        session = new SessionFixture(dir).signedIn();
    }

    PromoCodesViewModel promoCodes() {
        return new PromoCodesViewModel(
                session.tasks,
                session.session,
                session.sessions,
                session.messages,
                api -> growth,
                CLOCK,
                ZoneOffset.UTC);
    }

    GrowthSettingsViewModel settings() {
        return new GrowthSettingsViewModel(
                session.tasks,
                session.session,
                session.sessions,
                session.messages,
                api -> growth,
                CLOCK,
                ZoneOffset.UTC);
    }
}
