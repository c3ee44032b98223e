package com.pixfino.studio.billing;

import atlantafx.base.theme.Styles;
import com.pixfino.model.api.billing.PackView;
import com.pixfino.model.api.billing.PlanView;
import com.pixfino.studio.billing.PlansViewModel.PlanAction;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.ui.Icons;
import com.pixfino.studio.ui.Texts;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The cards of "Plans & credits": one per plan (price, monthly credits, PRO styles, current plan), one per pack. */
final class CatalogCards {

    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");

    private final PlansViewModel viewModel;
    private final Messages messages;

    CatalogCards(PlansViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
    }

    VBox plan(PlanView plan) {
        PlanAction action = viewModel.action(plan);
        Label name = new Label(plan.name());
        name.getStyleClass().add("plan-name");
        Label price = new Label(viewModel.price(plan.priceUsd()));
        price.setId("plan-" + plan.id() + "-price");
        price.getStyleClass().add("plan-price");
        Label period = new Label(messages.get("plans.perMonth"));
        period.getStyleClass().add("plan-period");
        HBox priceRow = new HBox(4, price, period);
        priceRow.setAlignment(Pos.BASELINE_LEFT);
        Label credits = Texts.wrapping(new Label(messages.get("plans.monthlyCredits", plan.monthlyCredits())));
        credits.getStyleClass().add("plan-credits");
        boolean pro = viewModel.includesProStyles(plan);
        Label styles = Texts.wrapping(new Label(messages.get(pro ? "plans.proIncluded" : "plans.proLocked")));
        styles.setGraphic((pro ? Icons.CHECK : Icons.LOCK).create(14));
        styles.getStyleClass().addAll("plan-styles", pro ? "plan-styles-pro" : "plan-styles-locked");

        Region gap = new Region();
        VBox.setVgrow(gap, Priority.ALWAYS);
        VBox card = new VBox(6, name, priceRow, credits, styles, gap, planAction(plan, action));
        card.setId("plan-" + plan.id());
        card.getStyleClass().add("plan-card");
        card.pseudoClassStateChanged(CURRENT, action == PlanAction.CURRENT);
        card.setMaxWidth(Double.MAX_VALUE);
        card.setMaxHeight(Double.MAX_VALUE);
        return card;
    }

    private javafx.scene.Node planAction(PlanView plan, PlanAction action) {
        if (action == PlanAction.CURRENT) {
            Label current = new Label(messages.get("plans.current"), Icons.CHECK.create(14));
            current.setId("plan-" + plan.id() + "-current");
            current.getStyleClass().add("plan-current");
            current.setMaxWidth(Double.MAX_VALUE);
            return current;
        }
        Button button = PlansView.action("plan-" + plan.id() + "-action", "");
        button.setMaxWidth(Double.MAX_VALUE);
        switch (action) {
            case SUBSCRIBE -> {
                button.textProperty().bind(offOr(messages.get("plans.subscribe")));
                button.getStyleClass().add(Styles.ACCENT);
                button.disableProperty().bind(viewModel.purchasesOffProperty());
                button.setOnAction(event -> viewModel.checkout().buy(plan.id()));
            }
            case CHANGE -> {
                button.setText(messages.get("plans.change"));
                button.disableProperty()
                        .bind(viewModel
                                .portalStatus()
                                .busyProperty()
                                .or(viewModel.unavailableProperty().isNotEmpty()));
                button.setOnAction(event -> viewModel.openPortal());
            }
            default -> {
                button.textProperty().bind(offOr(messages.get("plans.notOffered")));
                button.setDisable(true);
            }
        }
        return button;
    }

    VBox pack(PackView pack) {
        Label credits = new Label(messages.get("plans.pack.credits", pack.credits()));
        credits.getStyleClass().add("pack-credits");
        Label price = new Label(viewModel.price(pack.priceUsd()));
        price.setId("pack-" + pack.id() + "-price");
        price.getStyleClass().add("pack-price");
        Label each = new Label(viewModel.perCredit(pack));
        each.getStyleClass().add("card-detail");
        Button buy = PlansView.action("pack-" + pack.id() + "-buy", "");
        buy.setMaxWidth(Double.MAX_VALUE);
        if (pack.purchasable()) {
            buy.getStyleClass().add(Styles.ACCENT);
            buy.textProperty().bind(offOr(messages.get("plans.pack.buy")));
            buy.disableProperty().bind(viewModel.purchasesOffProperty());
            buy.setOnAction(event -> viewModel.checkout().buy(pack.id()));
        } else {
            buy.textProperty().bind(offOr(messages.get("plans.notOffered")));
            buy.setDisable(true);
        }
        Region gap = new Region();
        VBox.setVgrow(gap, Priority.ALWAYS);
        VBox card = new VBox(4, credits, price, each, gap, buy);
        card.setId("pack-" + pack.id());
        card.getStyleClass().add("pack-card");
        card.setMaxWidth(Double.MAX_VALUE);
        card.setMaxHeight(Double.MAX_VALUE);
        return card;
    }

    // A button that cannot be used says why on its face: tooltips do not show on disabled controls.
    private StringBinding offOr(String text) {
        return Bindings.createStringBinding(
                () -> viewModel.unavailableProperty().get().isEmpty() ? text : messages.get("plans.offButton"),
                viewModel.unavailableProperty());
    }
}
