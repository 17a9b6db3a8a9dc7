package org.entente.contribution;

/** What a tenant pledges and delivers; personnel is counted in person-days. */
public enum ContributionType {
    FUNDING("Funding"), PERSONNEL("Personnel"), EQUIPMENT("Equipment"), IN_KIND("In kind");

    private final String label;

    ContributionType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
