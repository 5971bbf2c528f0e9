package storagetest_test

import (
	"testing"

	"github.com/raftsql/raftsql/membership"
	"github.com/raftsql/raftsql/raft"
	"github.com/raftsql/raftsql/raft/storagetest"
)

// memHarness adapts raft.MemoryStorage to the suite.
type memHarness struct{ *raft.MemoryStorage }

func (h memHarness) ApplySnapshot(meta raft.SnapshotMeta) error {
	return h.MemoryStorage.ApplySnapshot(raft.Snapshot{Meta: meta})
}

func (h memHarness) CreateSnapshot(meta raft.SnapshotMeta) error {
	_, err := h.MemoryStorage.CreateSnapshot(meta.Index, meta.Config, nil)
	return err
}

func (h memHarness) SetConfig(cfg membership.Config) error {
	h.MemoryStorage.SetConfig(cfg)
	return nil
}

func TestMemoryStorage(t *testing.T) {
	storagetest.Run(t, func(t *testing.T) storagetest.Harness {
		return memHarness{raft.NewMemoryStorage()}
	})
}
