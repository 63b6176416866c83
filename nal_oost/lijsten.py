"""Paginated lists: one behaviour for every list screen."""

from django.views.generic import ListView


class LijstView(ListView):
    """A ListView whose page number past the end (an old bookmark, a narrowed filter) shows the last page.

    Django answers such a page with a 404; a user who just narrowed a filter expects the results instead.
    A page number that is no number at all shows the first page.
    """

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(
            queryset, page_size, orphans=self.get_paginate_orphans(), allow_empty_first_page=self.get_allow_empty()
        )
        pagina = paginator.get_page(self.kwargs.get(self.page_kwarg) or self.request.GET.get(self.page_kwarg))
        return paginator, pagina, pagina.object_list, pagina.has_other_pages()
