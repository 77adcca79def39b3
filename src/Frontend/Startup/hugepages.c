/* Runs before the .NET runtime starts (an ELF constructor), see README.md beside this file. */
#define _GNU_SOURCE
#include <link.h>
#include <stdint.h>
#include <sys/mman.h>

static int advise_main_program_bss(struct dl_phdr_info *info, size_t size, void *data)
{
    (void)size;
    (void)data;
    for (int i = 0; i < info->dlpi_phnum; i++)
    {
        const ElfW(Phdr) *segment = &info->dlpi_phdr[i];
        if (segment->p_type != PT_LOAD || !(segment->p_flags & PF_W) || segment->p_memsz <= segment->p_filesz)
        {
            continue;
        }

        uintptr_t page = 4096;
        uintptr_t start = info->dlpi_addr + segment->p_vaddr + segment->p_filesz;
        uintptr_t end = info->dlpi_addr + segment->p_vaddr + segment->p_memsz;
        start = (start + page - 1) & ~(page - 1);
        end = (end + page - 1) & ~(page - 1);
        if (end > start)
        {
            madvise((void *)start, end - start, MADV_HUGEPAGE);
        }
    }

    return 1; /* the main program comes first: stop after it */
}

__attribute__((constructor)) static void csharp_frontend_advise_huge_pages(void)
{
    dl_iterate_phdr(advise_main_program_bss, 0);
}
