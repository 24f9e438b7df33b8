//! Hints to the processor to load memory a loop will soon read. The hot tables (the tagger's
//! words, the forms the people rules and the counts have met) are far larger than the
//! processor's caches: a loop that asks for all of a sentence's entries first, then reads
//! them, waits for memory once, not once per word.

/// Asks the processor to load the cache line of `x` (a hint: it changes no result).
#[inline(always)]
pub(crate) fn prefetch<T>(x: &T) {
    prefetch_ptr((x as *const T).cast());
}

/// [`prefetch`] for every cache line of `x`.
#[inline(always)]
pub(crate) fn prefetch_all<T>(x: &T) {
    let start: *const u8 = (x as *const T).cast();
    let size = std::mem::size_of::<T>();
    // A plain loop over a constant size, which the compiler unrolls (an iterator chain it
    // did not).
    let mut offset = 0;
    while offset < size {
        prefetch_ptr(start.wrapping_add(offset));
        offset += 64;
    }
    prefetch_ptr(start.wrapping_add(size.saturating_sub(1)));
}

/// Asks the processor to load the cache line at `p`, any address (a hint: it never faults).
#[inline(always)]
pub(crate) fn prefetch_ptr(p: *const u8) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch reads no memory the program sees and never faults, whatever the
    // address; SSE, which it needs, is part of x86-64.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p.cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}
