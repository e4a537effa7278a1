package dev.gatehouse.identity.sts;

/**
 * STS's request quota, one for all actions together ({@code sts.requests-per-second}), implemented
 * by {@code quota.RequestQuotas}, which keeps every quota of the service in one Redis script. STS
 * owns this contract so that it depends on no other feature: the quotas read STS's setting, STS
 * only asks for room.
 */
public interface StsAdmission {

    /**
     * Counts one STS request: false when STS has no room this second (answered {@code Throttling}).
     */
    boolean admitSts();
}
