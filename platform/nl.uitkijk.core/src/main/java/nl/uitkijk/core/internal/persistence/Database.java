package nl.uitkijk.core.internal.persistence;

import java.sql.Connection;
import java.sql.SQLException;

/** The platform's relational store, migrated to the current schema before it is offered. */
public interface Database {

    Connection connection() throws SQLException;

    /** Whether the schema was created from nothing in this run (first start of an installation). */
    boolean createdNow();
}
