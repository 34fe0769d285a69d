package db

import (
	"context"

	"github.com/jxcgraph/jxc"
)

// CostBuckets keeps the query-cost buckets (jxc.CostBucketService) in
// PostgreSQL, so replicas share them. The clock is the database's: two
// replicas with skewed clocks still agree on what has dripped back.
type CostBuckets struct {
	db          *DB
	Maximum     int
	RestoreRate int
}

// NewCostBuckets returns the buckets with the documented size and rate.
func NewCostBuckets(db *DB) *CostBuckets {
	return &CostBuckets{db: db, Maximum: jxc.CostBucketMaximum, RestoreRate: jxc.CostBucketRestoreRate}
}

var _ jxc.CostBucketService = (*CostBuckets)(nil)

// chargeSQL refills the bucket for the time since it was last touched, then
// takes $2 points if that many are there. $2 may be negative: a refund.
// A missing row is a full bucket.
const chargeSQL = `
INSERT INTO querycost_buckets AS b (key, available, updated_at, granted)
VALUES ($1, CASE WHEN $3::float8 >= $2::float8 THEN least($3::float8, $3::float8 - $2::float8) ELSE $3::float8 END, now(), $3::float8 >= $2::float8)
ON CONFLICT (key) DO UPDATE SET
    available = CASE
        WHEN least($3::float8, b.available + $4::float8 * extract(epoch FROM now() - b.updated_at)) >= $2::float8
        THEN least($3::float8, least($3::float8, b.available + $4::float8 * extract(epoch FROM now() - b.updated_at)) - $2::float8)
        ELSE least($3::float8, b.available + $4::float8 * extract(epoch FROM now() - b.updated_at)) END,
    granted = least($3::float8, b.available + $4::float8 * extract(epoch FROM now() - b.updated_at)) >= $2::float8,
    updated_at = now()
RETURNING available, granted`

// Charge implements jxc.CostBucketService.
func (s *CostBuckets) Charge(ctx context.Context, key string, cost int) (jxc.CostBucket, error) {
	return s.apply(ctx, key, cost)
}

// Refund implements jxc.CostBucketService.
func (s *CostBuckets) Refund(ctx context.Context, key string, points int) (jxc.CostBucket, error) {
	if points <= 0 {
		return s.Peek(ctx, key)
	}
	return s.apply(ctx, key, -points)
}

func (s *CostBuckets) apply(ctx context.Context, key string, cost int) (jxc.CostBucket, error) {
	out := jxc.CostBucket{Maximum: s.Maximum, RestoreRate: s.RestoreRate}
	err := s.db.QueryRowxContext(ctx, chargeSQL, key, float64(cost), float64(s.Maximum), float64(s.RestoreRate)).
		Scan(&out.Available, &out.Granted)
	return out, err
}

// Peek implements jxc.CostBucketService: what the bucket holds now,
// counting what has dripped back, without writing.
func (s *CostBuckets) Peek(ctx context.Context, key string) (jxc.CostBucket, error) {
	out := jxc.CostBucket{Maximum: s.Maximum, RestoreRate: s.RestoreRate, Granted: true}
	err := s.db.GetContext(ctx, &out.Available, `
SELECT coalesce((SELECT least($2::float8, available + $3::float8 * extract(epoch FROM now() - updated_at))
                 FROM querycost_buckets WHERE key = $1), $2::float8)`, key, float64(s.Maximum), float64(s.RestoreRate))
	return out, err
}
