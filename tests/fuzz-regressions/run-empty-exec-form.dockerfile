FROM 0
RUN --mount=target=0 []