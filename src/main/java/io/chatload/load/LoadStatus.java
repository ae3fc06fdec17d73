package io.chatload.load;

/** Status of a load in {@code _dlt_loads}. */
public enum LoadStatus { RUNNING, COMPLETED, FAILED }
