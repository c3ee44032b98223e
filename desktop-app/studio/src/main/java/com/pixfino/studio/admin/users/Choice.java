package com.pixfino.studio.admin.users;

/** An entry of a filter box: the value it picks (null: any) and its words. */
record Choice<T>(T value, String text) {

    @Override
    public String toString() {
        return text;
    }
}
