package com.pixfino.server.credits;

import com.pixfino.server.domain.DomainException;

/** The balance cannot cover a debit. */
public class InsufficientCreditsException extends DomainException {
    public InsufficientCreditsException(int needed, int balance) {
        super(
                Kind.INSUFFICIENT_CREDITS,
                "insufficient_credits",
                "Not enough credits: this needs " + needed + " and your balance is " + balance
                        + ". Buy credits or pick a cheaper preset.");
    }
}
