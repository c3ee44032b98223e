package com.pixfino.studio.rewards;

/** The account screen's "Invite & redeem" tab: the invite link with its figures, and the promo code field. */
public record RewardsViewModel(InviteViewModel invites, RedeemViewModel redemption) {

    /** The tab opening, F5: the figures are read again; a code being typed stays. */
    public void refresh() {
        invites.refresh();
    }
}
