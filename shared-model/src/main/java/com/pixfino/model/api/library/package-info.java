/** The synced library: the change feed, library edits on generations, and collections. */
package com.pixfino.model.api.library;
