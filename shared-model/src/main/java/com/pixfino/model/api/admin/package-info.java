/** The admin mode's answers and requests: platform statistics, account suspension, moderation and the audit trail. */
package com.pixfino.model.api.admin;
