// write_file_atomically: the target holds either the old or the new contents, never a mix, and
// nothing else in its directory changes.

#include <algorithm>
#include <bibkit/core/atomic_file.hpp>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <iterator>
#include <string>
#include <sys/stat.h>
#include <vector>

namespace bibkit {
namespace {

namespace fs = std::filesystem;

class AtomicFile : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "bibkit-atomic-XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr) << std::strerror(errno);
        m_dir = pattern;
    }
    void TearDown() override {
        std::error_code ignored;
        fs::remove_all(m_dir, ignored);
    }

    std::string path(const std::string& name) const { return (m_dir / name).string(); }

    static std::string read(const std::string& file) {
        std::ifstream in(file, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }

    static void write(const std::string& file, const std::string& contents) {
        std::ofstream(file, std::ios::binary) << contents;
    }

    static unsigned permissions(const std::string& file) {
        struct stat info {};
        if (::stat(file.c_str(), &info) != 0) return 0xFFFFu;
        return static_cast<unsigned>(info.st_mode & 07777);
    }

    std::vector<std::string> directory_listing() const {
        std::vector<std::string> names;
        for (const auto& item : fs::directory_iterator(m_dir))
            names.push_back(item.path().filename().string());
        std::sort(names.begin(), names.end());
        return names;
    }

    fs::path m_dir;
};

unsigned current_umask() {
    mode_t mask = ::umask(0);
    ::umask(mask);
    return static_cast<unsigned>(mask);
}

TEST_F(AtomicFile, WritesANewFileWithTheUsualPermissions) {
    auto written = write_file_atomically(path("new.bib"), "@misc{a}\n");
    ASSERT_TRUE(written.has_value()) << written.error().message;
    EXPECT_EQ(read(path("new.bib")), "@misc{a}\n");
    EXPECT_EQ(permissions(path("new.bib")), 0666u & ~current_umask());
}

TEST_F(AtomicFile, WritesBinaryContentsExactly) {
    std::string contents("a\0b\r\n\xFF", 6);
    auto written = write_file_atomically(path("bytes.bin"), contents);
    ASSERT_TRUE(written.has_value()) << written.error().message;
    EXPECT_EQ(read(path("bytes.bin")), contents);
}

TEST_F(AtomicFile, AnEmptyContentsGivesAnEmptyFile) {
    write(path("was-full.bib"), "old contents");
    auto written = write_file_atomically(path("was-full.bib"), "");
    ASSERT_TRUE(written.has_value()) << written.error().message;
    EXPECT_EQ(read(path("was-full.bib")), "");
    EXPECT_TRUE(fs::exists(path("was-full.bib")));
}

TEST_F(AtomicFile, ReplacesAnExistingFile) {
    write(path("refs.bib"), "a much longer old text than the new one\n");
    auto written = write_file_atomically(path("refs.bib"), "new\n");
    ASSERT_TRUE(written.has_value()) << written.error().message;
    EXPECT_EQ(read(path("refs.bib")), "new\n");
}

TEST_F(AtomicFile, KeepsThePermissionBitsOfTheFileItReplaces) {
    for (unsigned mode : {0600u, 0640u, 0755u, 0444u}) {
        SCOPED_TRACE(mode);
        std::string file = path("mode.bib");
        fs::remove(file);
        write(file, "old\n");
        ASSERT_EQ(::chmod(file.c_str(), static_cast<mode_t>(mode)), 0);
        auto written = write_file_atomically(file, "new\n");
        ASSERT_TRUE(written.has_value()) << written.error().message;
        EXPECT_EQ(read(file), "new\n");
        EXPECT_EQ(permissions(file), mode);
    }
}

TEST_F(AtomicFile, WritingThroughASymbolicLinkUpdatesItsTargetAndKeepsTheLink) {
    write(path("real.bib"), "old\n");
    ASSERT_EQ(::chmod(path("real.bib").c_str(), 0640), 0);
    fs::create_symlink("real.bib", path("link.bib"));
    auto written = write_file_atomically(path("link.bib"), "new\n");
    ASSERT_TRUE(written.has_value()) << written.error().message;
    EXPECT_TRUE(fs::is_symlink(path("link.bib")));
    EXPECT_EQ(fs::read_symlink(path("link.bib")), fs::path("real.bib"));
    EXPECT_EQ(read(path("real.bib")), "new\n");
    EXPECT_EQ(permissions(path("real.bib")), 0640u);
    EXPECT_EQ(directory_listing(), (std::vector<std::string>{"link.bib", "real.bib"}));
}

TEST_F(AtomicFile, LeavesNoTemporaryFilesBehind) {
    write(path("other.txt"), "untouched");
    for (int i = 0; i < 3; ++i) {
        auto written = write_file_atomically(path("refs.bib"), "round " + std::to_string(i));
        ASSERT_TRUE(written.has_value()) << written.error().message;
    }
    EXPECT_EQ(directory_listing(), (std::vector<std::string>{"other.txt", "refs.bib"}));
    EXPECT_EQ(read(path("other.txt")), "untouched");
    EXPECT_EQ(read(path("refs.bib")), "round 2");
}

TEST_F(AtomicFile, AMissingDirectoryIsAnIoErrorAndCreatesNothing) {
    std::string target = path("no-such-dir/refs.bib");
    auto written = write_file_atomically(target, "x");
    ASSERT_FALSE(written.has_value());
    EXPECT_EQ(written.error().path, target);
    EXPECT_EQ(written.error().message, std::strerror(ENOENT));
    EXPECT_TRUE(directory_listing().empty());
}

TEST_F(AtomicFile, ATargetThatIsADirectoryIsAnErrorAndLeavesNoTemporaryFile) {
    fs::create_directory(path("sub"));
    auto written = write_file_atomically(path("sub"), "x");
    ASSERT_FALSE(written.has_value());
    EXPECT_EQ(written.error().path, path("sub"));
    EXPECT_FALSE(written.error().message.empty());
    EXPECT_EQ(directory_listing(), (std::vector<std::string>{"sub"}));
    EXPECT_TRUE(fs::is_directory(path("sub")));
}

} // namespace
} // namespace bibkit
