package com.pixfino.studio.billing;

import atlantafx.base.theme.Styles;
import com.pixfino.model.api.billing.InvoiceView;
import com.pixfino.model.api.billing.PackView;
import com.pixfino.model.api.billing.PlanView;
import com.pixfino.studio.billing.CheckoutViewModel.Payment;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.ui.Texts;
import com.pixfino.studio.ui.ToneStyles;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * "Plans & credits": what a purchase is waiting for, warnings, the plan cards, the packs and the invoices. Binds
 * and forwards only; the cards are rebuilt when the catalogue or the user's plan changes.
 */
public final class PlansView extends VBox {

    private final PlansViewModel viewModel;
    private final Messages messages;
    private final CatalogCards cards;
    private final GridPane planGrid = grid("plan-cards");
    private final GridPane packGrid = grid("pack-cards");
    private final GridPane invoiceRows = new GridPane();

    public PlansView(PlansViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.cards = new CatalogCards(viewModel, messages);
        setId("plans");
        getStyleClass().add("plans");

        Label unavailable = Texts.statusLine("plans-unavailable", viewModel.unavailableProperty(), "plans-unavailable");
        Label pastDue = Texts.statusLine("plans-past-due", viewModel.subscriptionWarningProperty(), "plans-warning");
        Label status = Texts.statusLine("plans-status", viewModel.catalogStatus());

        getChildren()
                .addAll(
                        paymentPanel(),
                        pastDue,
                        unavailable,
                        status,
                        plansHeader(),
                        planGrid,
                        heading(messages.get("plans.section.packs"), messages.get("plans.section.packsHint")),
                        packGrid,
                        invoices());

        viewModel.plans().addListener((ListChangeListener<PlanView>) change -> rebuildPlans());
        viewModel.currentPlanProperty().addListener((obs, was, now) -> rebuildPlans());
        viewModel.subscribedProperty().addListener((obs, was, now) -> rebuildPlans());
        viewModel.packs().addListener((ListChangeListener<PackView>) change -> rebuildPacks());
        viewModel.invoices().addListener((ListChangeListener<InvoiceView>) change -> rebuildInvoices());
        rebuildPlans();
        rebuildPacks();
        rebuildInvoices();
    }

    /** While a checkout is open: what to do in the browser, and "Check again" / "Stop waiting"; then the outcome. */
    private HBox paymentPanel() {
        CheckoutViewModel checkout = viewModel.checkout();
        ProgressIndicator spinner = new ProgressIndicator(ProgressIndicator.INDETERMINATE_PROGRESS);
        spinner.getStyleClass().add("inline-progress");
        spinner.visibleProperty().bind(checkout.busyProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());

        Label message = Texts.wrapping(new Label());
        message.setId("payment-status");
        message.getStyleClass().add("payment-status");
        message.textProperty().bind(checkout.messageProperty());
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);

        BooleanBinding waiting = checkout.stateProperty().isEqualTo(Payment.WAITING);
        Button copy = action("payment-copy-link", messages.get("plans.copyLink"));
        copy.visibleProperty().bind(checkout.manualUrlProperty().isNotEmpty());
        copy.managedProperty().bind(copy.visibleProperty());
        copy.setOnAction(event -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(checkout.manualUrlProperty().get());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Button check = action("payment-check", messages.get("plans.checkAgain"));
        check.getStyleClass().add(Styles.ACCENT);
        check.visibleProperty().bind(waiting);
        check.managedProperty().bind(waiting);
        check.setOnAction(event -> checkout.checkAgain());
        Button stop = action("payment-stop", messages.get("plans.stopWaiting"));
        stop.visibleProperty().bind(waiting.or(checkout.stateProperty().isEqualTo(Payment.OPENING)));
        stop.managedProperty().bind(stop.visibleProperty());
        stop.setOnAction(event -> checkout.stopWaiting());

        HBox panel = new HBox(12, spinner, message, copy, check, stop);
        panel.setId("payment-panel");
        panel.getStyleClass().add("payment-panel");
        panel.setAlignment(Pos.CENTER_LEFT);
        ToneStyles.follow(panel, "panel", checkout.toneProperty());
        panel.visibleProperty().bind(checkout.messageProperty().isNotEmpty());
        panel.managedProperty().bind(panel.visibleProperty());
        return panel;
    }

    private VBox plansHeader() {
        Button manage = action("manage-billing", messages.get("plans.manage"));
        manage.disableProperty()
                .bind(viewModel
                        .portalStatus()
                        .busyProperty()
                        .or(viewModel.unavailableProperty().isNotEmpty()));
        manage.setOnAction(event -> viewModel.openPortal());
        // the way out of a refused plan change or a failed renewal stands out
        BooleanBinding suggested = viewModel
                .checkout()
                .portalSuggestedProperty()
                .or(viewModel.subscriptionWarningProperty().isNotEmpty());
        Runnable emphasis = () -> {
            manage.getStyleClass().remove(Styles.ACCENT);
            if (suggested.get()) {
                manage.getStyleClass().add(Styles.ACCENT);
            }
        };
        emphasis.run();
        suggested.addListener((obs, was, now) -> emphasis.run());
        Label hint = Texts.wrapping(new Label(messages.get("plans.manage.hint")));
        hint.getStyleClass().add("card-detail");

        HBox row = new HBox(12, heading(messages.get("plans.section.plans"), messages.get("plans.section.plansHint")));
        HBox.setHgrow(row.getChildren().get(0), Priority.ALWAYS);
        VBox manageBox = new VBox(2, manage);
        manageBox.setAlignment(Pos.BOTTOM_RIGHT);
        row.getChildren().add(manageBox);
        row.setAlignment(Pos.BOTTOM_LEFT);

        Label note = Texts.statusLine("plans-note", viewModel.subscriptionNoteProperty(), "card-detail");
        Label portalNotice = Texts.statusLine("portal-notice", viewModel.portalStatus());
        return new VBox(6, row, note, portalNotice);
    }

    private VBox invoices() {
        Label notice = Texts.statusLine("invoices-notice", viewModel.invoicesNoticeProperty(), "muted");
        invoiceRows.setId("invoice-list");
        invoiceRows.getStyleClass().add("invoice-list");
        return new VBox(
                8,
                heading(messages.get("plans.section.invoices"), messages.get("plans.section.invoicesHint")),
                notice,
                invoiceRows);
    }

    private void rebuildPlans() {
        planGrid.getChildren().clear();
        int column = 0;
        for (PlanView plan : viewModel.plans()) {
            planGrid.add(cards.plan(plan), column++, 0);
        }
        equalColumns(planGrid, column);
    }

    private void rebuildPacks() {
        packGrid.getChildren().clear();
        int column = 0;
        for (PackView pack : viewModel.packs()) {
            packGrid.add(cards.pack(pack), column++, 0);
        }
        equalColumns(packGrid, column);
    }

    private void rebuildInvoices() {
        invoiceRows.getChildren().clear();
        int row = 0;
        for (InvoiceView invoice : viewModel.invoices()) {
            Label date = new Label(Dates.day(invoice.createdAt()));
            Label amount = new Label(viewModel.price(invoice.amountUsd()));
            amount.getStyleClass().add("invoice-amount");
            Label status = new Label(viewModel.invoiceStatus(invoice));
            status.getStyleClass().addAll("invoice-status", "invoice-" + safe(invoice.status()));
            Hyperlink open = new Hyperlink(messages.get("plans.invoice.open"));
            open.setId("invoice-" + safe(invoice.id()) + "-open");
            open.setDisable(invoice.hostedInvoiceUrl() == null);
            open.setOnAction(event -> viewModel.openInvoice(invoice));
            invoiceRows.addRow(row++, date, amount, status, open);
        }
    }

    private static String safe(String text) {
        return text == null ? "none" : text.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    private static VBox heading(String title, String hint) {
        Label heading = new Label(title);
        heading.getStyleClass().add("section-label");
        Label line = Texts.wrapping(new Label(hint));
        line.getStyleClass().add("card-detail");
        return new VBox(2, heading, line);
    }

    static Button action(String id, String text) {
        Button button = new Button(text);
        button.setId(id);
        button.setMinWidth(Region.USE_PREF_SIZE); // a button keeps its words; the text beside it wraps
        return button;
    }

    private static GridPane grid(String id) {
        GridPane grid = new GridPane();
        grid.setId(id);
        grid.getStyleClass().add("catalog-cards");
        return grid;
    }

    private static void equalColumns(GridPane grid, int count) {
        grid.getColumnConstraints().clear();
        for (int i = 0; i < count; i++) {
            ColumnConstraints share = new ColumnConstraints();
            share.setPercentWidth(100.0 / count);
            grid.getColumnConstraints().add(share);
        }
    }
}
