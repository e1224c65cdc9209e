package com.acme.ledger;

import java.util.Currency;
import java.util.Objects;

/** One account of the chart of accounts: a four-digit code (1000 cash, 4000 revenue, ...) in a single currency. */
public record Account(String code, String name, AccountType type, Currency currency) {

    public Account {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(currency, "currency");
        if (!code.matches("\\d{4}")) {
            throw new IllegalArgumentException("account codes have four digits: '" + code + "'");
        }
    }

    public static Account of(String code, String name, AccountType type, String currencyCode) {
        return new Account(code, name, type, Currency.getInstance(currencyCode));
    }
}
