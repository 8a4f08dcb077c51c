package org.consultflow.consultation;

public enum RoundStatus { OPEN, CLOSED, REPORT_DRAFTED, APPROVED }
