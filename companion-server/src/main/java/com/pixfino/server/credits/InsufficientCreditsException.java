package com.pixfino.server.credits;

import com.pixfino.server.http.ApiException;

/** The balance cannot cover a debit; answered as 402. */
public class InsufficientCreditsException extends ApiException {
    public InsufficientCreditsException(int needed, int balance) {
        super(402, "insufficient_credits",
                "Not enough credits: this needs " + needed + " and your balance is " + balance + ". Buy credits or pick a cheaper preset.");
    }
}
