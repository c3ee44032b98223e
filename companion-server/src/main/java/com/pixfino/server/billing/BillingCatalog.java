package com.pixfino.server.billing;

import com.pixfino.model.Tier;
import com.pixfino.model.api.billing.CatalogView;
import com.pixfino.model.api.billing.PackView;
import com.pixfino.model.api.billing.PlanView;
import com.pixfino.server.domain.DomainException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToIntFunction;

/** What can be bought: the plans (Free first) and the credit packs, and which of them Stripe can sell now. */
public final class BillingCatalog {

    /** Something a checkout can sell. */
    public sealed interface Item permits Plan, Pack {
        String id();
    }

    /** A paid plan with its recurring Stripe price. */
    public record Plan(Tier tier, String priceId) implements Item {
        @Override
        public String id() {
            return planId(tier);
        }
    }

    public record Pack(CreditPack pack) implements Item {
        @Override
        public String id() {
            return pack.id();
        }
    }

    private final BillingSettings settings;
    private final ToIntFunction<Tier> monthlyCredits;

    public BillingCatalog(BillingSettings settings, ToIntFunction<Tier> monthlyCredits) {
        this.settings = settings;
        this.monthlyCredits = monthlyCredits;
    }

    /** A plan's id in the API: the tier in lower case. */
    public static String planId(Tier tier) {
        return tier.name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Tier> tierOf(String planId) {
        for (Tier tier : Tier.values()) {
            if (planId(tier).equals(planId)) {
                return Optional.of(tier);
            }
        }
        return Optional.empty();
    }

    public CatalogView view() {
        boolean billing = settings.stripe().isPresent();
        List<PlanView> plans = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            boolean purchasable = tier.isPaid()
                    && settings.stripe().flatMap(s -> s.priceOf(tier)).isPresent();
            plans.add(new PlanView(
                    planId(tier),
                    name(tier),
                    tier.monthlyPriceUsd().toPlainString(),
                    monthlyCredits.applyAsInt(tier),
                    purchasable));
        }
        List<PackView> packs = settings.packs().stream()
                .map(p -> new PackView(p.id(), p.credits(), p.priceUsd().toPlainString(), billing))
                .toList();
        return new CatalogView(plans, packs);
    }

    public int monthlyCredits(Tier tier) {
        return monthlyCredits.applyAsInt(tier);
    }

    public Optional<CreditPack> pack(String id) {
        return settings.packs().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /**
     * The item a checkout asks for.
     *
     * @throws DomainException INVALID {@code unknown_item} for anything not on sale
     */
    public Item item(String id) {
        if (id == null || id.isBlank()) {
            throw DomainException.invalid("missing_item", "item is required: a plan id (starter) or a pack id.");
        }
        Optional<CreditPack> pack = pack(id);
        if (pack.isPresent()) {
            return new Pack(pack.get());
        }
        Optional<Tier> tier = tierOf(id).filter(Tier::isPaid);
        Optional<String> price = tier.flatMap(t -> settings.stripe().flatMap(s -> s.priceOf(t)));
        if (price.isPresent()) {
            return new Plan(tier.get(), price.get());
        }
        String onSale = String.join(", ", onSale());
        if (tier.isPresent()) {
            throw DomainException.invalid(
                    "unknown_item",
                    "The " + name(tier.get()) + " plan cannot be bought on this server (it has no Stripe price); items"
                            + " on sale: " + onSale + ".");
        }
        throw DomainException.invalid("unknown_item", "There is no item with that id; items on sale: " + onSale + ".");
    }

    private List<String> onSale() {
        List<String> ids = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            if (tier.isPaid() && settings.stripe().flatMap(s -> s.priceOf(tier)).isPresent()) {
                ids.add(planId(tier));
            }
        }
        settings.packs().forEach(p -> ids.add(p.id()));
        return ids;
    }

    static String name(Tier tier) {
        String lower = planId(tier);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
