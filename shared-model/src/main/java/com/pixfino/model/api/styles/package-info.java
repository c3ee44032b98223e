/** A creator's own styles and the prompt library. */
package com.pixfino.model.api.styles;
