package jxc

import (
	"context"
	"math"
	"time"
)

// The query-cost bucket: every caller (a user, whether through a session or
// an API token; an anonymous caller by address) has a leaky bucket of cost
// points. Each GraphQL operation takes its requested cost out before it
// runs and gets back the difference to its actual cost after; the bucket
// refills at a steady rate up to its maximum (Shopify's calculated query
// cost). The bucket lives in the database so replicas share it.
const (
	// CostBucketMaximum is what a full bucket holds.
	CostBucketMaximum = 10000
	// CostBucketRestoreRate is how many points come back each second.
	CostBucketRestoreRate = 500
)

// CostBucket is the state of one caller's bucket after a charge or refund.
type CostBucket struct {
	// Available is how many points are left (a fraction while refilling).
	Available float64
	// Maximum and RestoreRate (points per second) describe the bucket.
	Maximum     int
	RestoreRate int
	// Granted reports whether the charge was taken; false means the bucket
	// held too little and nothing was taken.
	Granted bool
}

// RetryAfter is how long until the bucket holds cost points again.
func (b CostBucket) RetryAfter(cost int) time.Duration {
	missing := float64(cost) - b.Available
	if missing <= 0 || b.RestoreRate <= 0 {
		return 0
	}
	return time.Duration(math.Ceil(missing/float64(b.RestoreRate)*1000)) * time.Millisecond
}

// CostBucketService keeps the buckets. Each call is one statement.
type CostBucketService interface {
	// Charge takes cost points from key's bucket if it holds that many.
	Charge(ctx context.Context, key string, cost int) (CostBucket, error)
	// Refund gives points back (never above the maximum).
	Refund(ctx context.Context, key string, points int) (CostBucket, error)
	// Peek reads the bucket without changing it.
	Peek(ctx context.Context, key string) (CostBucket, error)
}
