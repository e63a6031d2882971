package clocktest

import (
	"testing"
	"time"
)

func TestFakeFiresTimersInOrderWhenMoved(t *testing.T) {
	c := New()
	var got []string
	c.AfterFunc(2*time.Second, func() { got = append(got, "b") })
	c.AfterFunc(time.Second, func() { got = append(got, "a") })
	stopped := c.AfterFunc(time.Second, func() { got = append(got, "never") })
	if !stopped.Stop() || stopped.Stop() {
		t.Fatal("Stop should succeed once")
	}
	c.Advance(500 * time.Millisecond)
	if len(got) != 0 {
		t.Fatalf("fired early: %v", got)
	}
	c.Advance(2 * time.Second)
	if len(got) != 2 || got[0] != "a" || got[1] != "b" || c.Pending() != 0 {
		t.Fatalf("got %v, %d pending", got, c.Pending())
	}
	if !c.Now().Equal(Epoch.Add(2500 * time.Millisecond)) {
		t.Fatalf("now = %v", c.Now())
	}
}

func TestDay(t *testing.T) {
	if Day(0) != Epoch.Format(time.DateOnly) || Day(1) != Epoch.AddDate(0, 0, 1).Format(time.DateOnly) {
		t.Fatal(Day(0), Day(1))
	}
}
