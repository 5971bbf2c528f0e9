package integration

// GORM (gorm.io/gorm with gorm.io/driver/postgres, which uses pgx) against
// a 3-node cluster: AutoMigrate of a first release, CRUD with
// associations and Preload, a transaction, soft delete, raw SQL, then the
// second release's AutoMigrate, which adds columns and an index to the
// existing tables (it reads information_schema to see what is there).
// It runs against PostgreSQL too (RAFTSQL_REFERENCE_URL).

import (
	"testing"
	"time"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// release 1
type gormUser struct {
	ID        uint `gorm:"primaryKey"`
	Name      string
	Email     string     `gorm:"uniqueIndex;size:200"`
	Posts     []gormPost `gorm:"foreignKey:UserID"`
	CreatedAt time.Time
	UpdatedAt time.Time
	DeletedAt gorm.DeletedAt `gorm:"index"`
}

func (gormUser) TableName() string { return "users" }

type gormPost struct {
	ID     uint `gorm:"primaryKey"`
	UserID uint
	Title  string `gorm:"not null"`
}

func (gormPost) TableName() string { return "posts" }

// release 2: new columns and an index on the same tables
type gormUser2 struct {
	ID        uint `gorm:"primaryKey"`
	Name      string
	Email     string `gorm:"uniqueIndex;size:200"`
	Age       int    `gorm:"default:18"`
	Bio       *string
	Posts     []gormPost2 `gorm:"foreignKey:UserID"`
	CreatedAt time.Time
	UpdatedAt time.Time
	DeletedAt gorm.DeletedAt `gorm:"index"`
}

func (gormUser2) TableName() string { return "users" }

type gormPost2 struct {
	ID        uint `gorm:"primaryKey"`
	UserID    uint
	Title     string `gorm:"not null"`
	Published bool   `gorm:"not null;default:false;index"`
}

func (gormPost2) TableName() string { return "posts" }

func openGorm(t *testing.T, url string) *gorm.DB {
	t.Helper()
	db, err := gorm.Open(postgres.Open(url), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		t.Fatalf("gorm open: %v", err)
	}
	sqlDB, _ := db.DB()
	t.Cleanup(func() { sqlDB.Close() })
	return db
}

func TestAppGORM(t *testing.T) {
	urls := e2eURLs(t)
	db := openGorm(t, urls[0])
	if err := db.AutoMigrate(&gormUser{}, &gormPost{}); err != nil {
		t.Fatalf("AutoMigrate release 1: %v", err)
	}
	// a second AutoMigrate of the same release changes nothing
	if err := db.AutoMigrate(&gormUser{}, &gormPost{}); err != nil {
		t.Fatalf("AutoMigrate release 1 again: %v", err)
	}

	u := gormUser{Name: "ann", Email: "ann@example.com", Posts: []gormPost{{Title: "one"}, {Title: "two"}}}
	if err := db.Create(&u).Error; err != nil {
		t.Fatalf("create with associations: %v", err)
	}
	if u.ID == 0 || u.Posts[0].ID == 0 || u.Posts[1].UserID != u.ID {
		t.Fatalf("ids not set: %+v", u)
	}

	// another node reads it back, with Preload
	db1 := openGorm(t, urls[1])
	var got gormUser
	if err := db1.Preload("Posts").First(&got, "email = ?", "ann@example.com").Error; err != nil {
		t.Fatalf("preload: %v", err)
	}
	if got.Name != "ann" || len(got.Posts) != 2 {
		t.Fatalf("got %+v", got)
	}
	if err := db1.Model(&got).Update("name", "anna").Error; err != nil {
		t.Fatalf("update: %v", err)
	}

	// a transaction
	err := db1.Transaction(func(tx *gorm.DB) error {
		b := gormUser{Name: "bob", Email: "bob@example.com"}
		if err := tx.Create(&b).Error; err != nil {
			return err
		}
		return tx.Create(&gormPost{UserID: b.ID, Title: "bob's"}).Error
	})
	if err != nil {
		t.Fatalf("transaction: %v", err)
	}
	// soft delete hides the row from queries, Unscoped sees it
	if err := db1.Where("email = ?", "bob@example.com").Delete(&gormUser{}).Error; err != nil {
		t.Fatalf("soft delete: %v", err)
	}
	var n int64
	db1.Model(&gormUser{}).Count(&n)
	if n != 1 {
		t.Fatalf("visible users = %d, want 1", n)
	}
	db1.Unscoped().Model(&gormUser{}).Count(&n)
	if n != 2 {
		t.Fatalf("all users = %d, want 2", n)
	}
	var titles []string
	if err := db1.Raw(`SELECT p.title FROM posts p JOIN users u ON u.id = p.user_id WHERE u.name = ? ORDER BY p.id`, "anna").Scan(&titles).Error; err != nil {
		t.Fatalf("raw: %v", err)
	}
	if len(titles) != 2 || titles[0] != "one" {
		t.Fatalf("titles = %v", titles)
	}

	// release 2, from the third node: columns and indexes added to the
	// existing tables, the data kept
	db2 := openGorm(t, urls[2])
	if err := db2.AutoMigrate(&gormUser2{}, &gormPost2{}); err != nil {
		t.Fatalf("AutoMigrate release 2: %v", err)
	}
	if err := db2.AutoMigrate(&gormUser2{}, &gormPost2{}); err != nil {
		t.Fatalf("AutoMigrate release 2 again: %v", err)
	}
	for _, c := range []struct {
		model any
		col   string
	}{{&gormUser2{}, "age"}, {&gormUser2{}, "bio"}, {&gormPost2{}, "published"}} {
		if !db2.Migrator().HasColumn(c.model, c.col) {
			t.Errorf("column %s missing after release 2", c.col)
		}
	}
	if !db2.Migrator().HasIndex(&gormPost2{}, "Published") {
		t.Errorf("index on posts.published missing")
	}
	var u2 gormUser2
	if err := db2.Preload("Posts").First(&u2, "name = ?", "anna").Error; err != nil {
		t.Fatalf("read after release 2: %v", err)
	}
	if u2.Age != 18 || len(u2.Posts) != 2 || u2.Posts[0].Published {
		t.Fatalf("after release 2: %+v", u2)
	}
	bio := "hi"
	if err := db2.Create(&gormUser2{Name: "cy", Email: "cy@example.com", Age: 30, Bio: &bio}).Error; err != nil {
		t.Fatalf("create after release 2: %v", err)
	}
}
