/** Promo codes: the admin's create, list and expire, and a user's redemption. */
package com.pixfino.model.api.promo;
