package com.pixfino.studio.admin.growth;

import com.pixfino.studio.admin.AdminTitleControls;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.ui.ScreenActions;
import com.pixfino.studio.ui.ScreenTitle;
import com.pixfino.studio.ui.Texts;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/** The admin growth screen: promo codes above, the referral and launch promo settings below. Binds and forwards only. */
public final class GrowthView extends ScrollPane implements ScreenActions.RefreshedWhenShown {

    private final PromoCodesViewModel codes;
    private final GrowthSettingsViewModel settings;

    public GrowthView(PromoCodesViewModel codes, GrowthSettingsViewModel settings, Messages messages, ZoneId zone) {
        this.codes = codes;
        this.settings = settings;
        setId("admin-growth-screen");
        setFitToWidth(true);
        getStyleClass().addAll("admin-scroll", "edge-to-edge");

        ProgressIndicator progress = AdminTitleControls.progress("admin-growth", codes.status());
        Button refresh = AdminTitleControls.refresh("admin-growth", messages, this::refresh);
        ScreenTitle title = new ScreenTitle(
                "admin-growth",
                messages.get("admin.growth.title"),
                new SimpleStringProperty(messages.get("admin.growth.subtitle")),
                progress,
                refresh);
        Label status = Texts.statusLine("admin-growth-status", codes.status(), "notice");

        String zoneName = zoneName(zone);
        VBox screen = new VBox(
                title, status, new PromoCodesPane(codes, messages, zoneName), new SettingsPane(settings, messages));
        screen.getStyleClass().addAll("screen", "admin-growth");
        setContent(screen);
    }

    /** "Central European Standard Time (Europe/Berlin)"; plain "UTC" for the offset zero. */
    static String zoneName(ZoneId zone) {
        String id = zone.normalized().getId().equals("Z") ? "UTC" : zone.getId();
        String full = zone.getDisplayName(TextStyle.FULL, Locale.getDefault());
        return full.equals(zone.getId()) || id.equals("UTC") ? id : full + " (" + id + ")";
    }

    @Override
    public void refresh() {
        codes.refresh();
        settings.refresh();
    }
}
